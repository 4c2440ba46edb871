import { Module } from '@nestjs/common';
import { RoleController } from './api/role.controller';
import { ROLE_HANDLERS } from './application/role.commands';

@Module({ controllers: [RoleController], providers: ROLE_HANDLERS })
export class RolesModule {}
