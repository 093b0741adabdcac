import { httpStatusOf, isServerBusy } from '../../src/data/errors';

describe('isServerBusy', () => {
  it('recognises throttling (429) and a busy server (503), also after PnPjs gave up retrying', () => {
    expect(isServerBusy(Object.assign(new Error('x'), { status: 429 }))).toBe(true);
    expect(isServerBusy(Object.assign(new Error('x'), { status: 503 }))).toBe(true);
    expect(isServerBusy(new Error('Retry count exceeded (3) for this request. 429: Too Many Requests;'))).toBe(true);
  });

  it('recognises a batch part that still timed out after its retries (500 ClientServiceTimeoutException)', () => {
    const body = '{"odata.error":{"code":"-2146233083, Microsoft.SharePoint.Client.ClientServiceTimeoutException","message":{"lang":"en-US","value":"The operation has timed out."}}}';
    expect(isServerBusy(Object.assign(new Error(`Error making HttpClient request in queryable [500] Internal Server Error ::> ${body}`), { status: 500 }))).toBe(true);
    // The list view threshold is a 500 too, but not a busy server.
    const threshold = '{"odata.error":{"code":"-2147024860, Microsoft.SharePoint.SPQueryThrottledException","message":{"lang":"en-US","value":"The attempted operation is prohibited because it exceeds the list view threshold."}}}';
    expect(isServerBusy(Object.assign(new Error(`[500] ::> ${threshold}`), { status: 500 }))).toBe(false);
  });

  it('leaves other failures to the general message', () => {
    expect(isServerBusy(Object.assign(new Error('x'), { status: 500 }))).toBe(false);
    expect(isServerBusy(Object.assign(new Error('x'), { status: 404 }))).toBe(false);
    expect(isServerBusy(new TypeError('Failed to fetch'))).toBe(false);
    expect(isServerBusy(new Error('Retry count exceeded (3) for this request. 500: Internal Server Error;'))).toBe(false);
    expect(httpStatusOf('not an error')).toBeUndefined();
  });
});
