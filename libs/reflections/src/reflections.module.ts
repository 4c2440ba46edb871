import { Module } from '@nestjs/common';
import { ReflectionController } from './api/reflection.controller';
import { REFLECTION_HANDLERS } from './application/reflection.commands';

@Module({ controllers: [ReflectionController], providers: REFLECTION_HANDLERS })
export class ReflectionsModule {}
