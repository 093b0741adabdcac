/**
 * SharePoint's error answers, in one place: status, code and message as SharePoint
 * Online sends them. Field-level errors (badRequest, unknownProperty) live in fields.ts
 * and are re-exported here.
 */
import { CODE_ARGUMENT, CODE_INVALID_QUERY, SPError } from './fields';

export { badRequest, CODE_ARGUMENT, CODE_INVALID_QUERY, SPError, unknownProperty } from './fields';

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable'
};

export function errorJson(code: string, message: string): string {
  return JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });
}

export function accessDenied(): SPError {
  return new SPError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
}

export function notFoundResource(seg: string): SPError {
  return new SPError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${seg}.`);
}

/** FIDELITY B-10: a resource that does not take the method is a 400 naming its type. */
export function methodNotAllowed(method: string, typeName: string): SPError {
  return new SPError(400, CODE_INVALID_QUERY, `The type ${typeName} does not support HTTP ${method} method.`);
}

/** FIDELITY B-03. */
export function itemNotFound(): SPError {
  return new SPError(404, '-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
}

/** FIDELITY E-01: both ETags quoted, as SharePoint writes them. */
export function versionConflict(sent: string, current: string): SPError {
  return new SPError(412, '-1, Microsoft.SharePoint.Client.ClientServiceException', `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`);
}

/** FIDELITY V-01: REST answers with the generic text, not the list's ValidationMessage. */
export function listDataValidationFailed(): SPError {
  return new SPError(500, '-2130575162, Microsoft.SharePoint.SPListDataValidationException', 'List data validation failed.');
}

/** FIDELITY: a $filter or $orderby column the list does not have. */
export function columnNotFound(name: string): SPError {
  return new SPError(400, '-2147024809, System.ArgumentException', `Column '${name}' does not exist. It may have been deleted by another user.`);
}

/** FIDELITY: a $select or $expand field the list does not have. */
export function fieldOrPropertyNotFound(name: string): SPError {
  return new SPError(400, '-1, Microsoft.SharePoint.SPException', `The field or property '${name}' does not exist.`);
}

/** FIDELITY L-03. */
export function lookupThresholdExceeded(): SPError {
  return new SPError(
    500,
    '-2147024749, Microsoft.SharePoint.SPQueryThrottledException',
    'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.'
  );
}

export function fileNotFound(url: string): SPError {
  return new SPError(404, '-2130575338, Microsoft.SharePoint.SPException', `The file ${url} does not exist.`);
}

/** What getList / getFolderByServerRelativePath answer for an unknown URL. */
export function pathNotFound(): SPError {
  return new SPError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
}

export function listNotFound(title: string, siteUrl: string): SPError {
  return new SPError(404, CODE_ARGUMENT, `List '${title}' does not exist at site with URL '${siteUrl}'.`);
}

export function listIdNotFound(): SPError {
  return new SPError(404, CODE_ARGUMENT, 'List does not exist.  The page you selected contains a list that does not exist.  It may have been deleted by another user.');
}

export function listTitleTaken(): SPError {
  return new SPError(
    500,
    '-2130575342, Microsoft.SharePoint.SPException',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.'
  );
}

/** FIDELITY U-03. */
export function userNotFound(): SPError {
  return new SPError(500, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
}

export function throttled(): SPError {
  return new SPError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.'
  );
}
