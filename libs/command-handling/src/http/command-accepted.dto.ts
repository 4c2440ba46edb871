import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult } from '../handle-command';

/** The answer to a recorded command (and, unchanged, to every retry of it). */
export class CommandAcceptedDto {
  @ApiProperty({ example: 'commitment-tynaarlo-begroting', description: 'De stroom / the stream written to' })
  streamName!: string;

  @ApiProperty({
    example: 3,
    description: 'Revisie van de stroom daarna / the stream revision afterwards (use as If-Match)',
  })
  revision!: number;

  @ApiProperty({ example: '1042', description: 'Globale positie (tekst) / global position, as a string' })
  position!: string;

  @ApiProperty({ example: false, description: 'Herhaald verzoek / a retry of a command already recorded' })
  replayed!: boolean;

  static from(result: CommandResult, id?: string): CommandAcceptedDto & { id?: string } {
    return {
      ...(id !== undefined && { id }),
      streamName: result.streamName,
      revision: result.revision,
      position: result.position.toString(),
      replayed: result.replayed,
    };
  }
}
