import { Module } from '@nestjs/common';
import { ViewsModule } from '@samen/views';
import { WebAssetsController } from './web-assets.controller';
import { AccessPageController } from './routes/access-page.controller';
import { FormsController } from './routes/forms.controller';
import { SignInController } from './routes/sign-in.controller';
import { ViewPagesController } from './routes/view-pages.controller';
import { WebPages } from './web-pages';

/** The web pages for the people the ledger is for, served beside the API on the same port. */
@Module({
  imports: [ViewsModule],
  controllers: [WebAssetsController, SignInController, ViewPagesController, FormsController, AccessPageController],
  providers: [WebPages],
})
export class WebModule {}
