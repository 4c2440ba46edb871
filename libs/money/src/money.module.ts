import { Module } from '@nestjs/common';
import { MoneyController } from './api/money.controller';
import { MONEY_HANDLERS } from './application/money.commands';

@Module({ controllers: [MoneyController], providers: MONEY_HANDLERS })
export class MoneyModule {}
