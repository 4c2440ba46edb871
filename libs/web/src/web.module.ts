import { Module } from '@nestjs/common';
import { ViewsModule } from '@samen/views';
import { WebAssetsController } from './web-assets.controller';
import { WebController } from './web.controller';

/** The web pages for the people the ledger is for, served beside the API on the same port. */
@Module({
  imports: [ViewsModule],
  controllers: [WebAssetsController, WebController],
})
export class WebModule {}
