import { Module } from '@nestjs/common';
import { CommitmentController } from './api/commitment.controller';
import { COMMITMENT_HANDLERS } from './application/commitment.commands';

@Module({ controllers: [CommitmentController], providers: COMMITMENT_HANDLERS })
export class CommitmentsModule {}
