import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { indianStates } from '../../platform/geo/indian-states.js';
import type { PinDirectory } from '../../platform/geo/pin-directory.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pincodeSchema } from './location.schemas.js';

const stateSchema = z.enum(indianStates);

const pinRecordSchema = z
  .object({
    pin: z.string(),
    state: stateSchema.describe('Today’s state or union territory of most of its post offices'),
    states: z.array(stateSchema).describe('Every one its post offices are in (border PINs: two)'),
    districts: z.array(z.string()).describe('The one with the most post offices first'),
    cities: z.array(z.string()).describe('What to put in an address’s city, likeliest first'),
    postOffices: z.array(z.string()),
    postal: z
      .object({
        circles: z.array(z.string()),
        regions: z.array(z.string()),
        divisions: z.array(z.string()),
      })
      .describe('India Post’s circle, regions and divisions'),
  })
  .describe('What India Post files under a PIN code, with today’s state names');

/** `GET /api/v1/pincodes/{pin}`: forms fill the state and city from a typed PIN. */
export function registerPincodeRoutes(app: FastifyZodApp, pins: PinDirectory): void {
  app.get(
    '/api/v1/pincodes/:pin',
    {
      config: {
        policy: { access: 'authenticated', capability: 'pincodes.read' },
        problems: [],
      },
      schema: {
        tags: ['locations'],
        summary: 'Look up a PIN code in India Post’s directory (404 when it has none)',
        params: z.object({ pin: pincodeSchema }),
        response: { 200: pinRecordSchema },
      },
    },
    async (request) => {
      const record = await pins.lookup(request.params.pin);
      if (!record)
        throw new AppError('NOT_FOUND', {
          detail: `India Post has no PIN code ${request.params.pin}.`,
        });
      return record;
    },
  );
}
