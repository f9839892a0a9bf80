import { describe, expect, it } from 'vitest';
import { presentRecordActor } from './record-actor.js';

const names = {
  users: new Map([['u1', 'Anita Rao']]),
  apiKeys: new Map([['k1', 'ERP sync key']]),
};

describe('presentRecordActor', () => {
  it('names members and keys the caller may see, and no one else', () => {
    expect(presentRecordActor({ userId: 'u1', apiKeyId: null }, names)).toEqual({
      kind: 'user',
      id: 'u1',
      name: 'Anita Rao',
      userId: 'u1',
      apiKeyId: null,
    });
    expect(presentRecordActor({ userId: null, apiKeyId: 'k1' }, names)).toMatchObject({
      kind: 'api_key',
      name: 'ERP sync key',
    });
    expect(presentRecordActor({ userId: 'u2', apiKeyId: null }, names)).toMatchObject({
      kind: 'user',
      id: 'u2',
      name: null,
    });
    expect(presentRecordActor({ userId: null, apiKeyId: null }, names)).toMatchObject({
      kind: 'system',
      id: null,
      name: null,
    });
  });
});
