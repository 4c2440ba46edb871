import { Module } from '@nestjs/common';
import { StructureController } from './api/structure.controller';
import { STRUCTURE_HANDLERS } from './application/structure.commands';

@Module({ controllers: [StructureController], providers: STRUCTURE_HANDLERS })
export class StructureModule {}
