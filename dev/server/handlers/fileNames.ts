/** File names SharePoint accepts (shared by the file and move/copy handlers). */
import { badRequest, SPError } from '../errors';

/**
 * SharePoint Online's file name rules (FIDELITY X-08): no " * : < > ? / \\ |, no leading or trailing space, none of the
 * reserved names (.lock, CON, PRN, AUX, NUL, COM0-9, LPT0-9, desktop.ini), no leading ~$, no _vti_ anywhere; # and %
 * only through the ResourcePath APIs (addUsingPath, MoveFileByPath), which take decoded names.
 */
export function validFileName(name: string, byPath: boolean): boolean {
  if (!name || /["*:<>?/\\|]/.test(name) || name !== name.trim()) return false;
  if (!byPath && /[#%]/.test(name)) return false;
  if (/^(\.lock|desktop\.ini|(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?)$/i.test(name)) return false;
  return !/^~\$/.test(name) && !/_vti_/i.test(name);
}

/** No source gives SharePoint's status and text for a refused name; this is the local answer (FIDELITY X-08). */
export function invalidFileName(name: string): SPError {
  return badRequest(`The file name '${name}' is not valid.`, '-2130575245, Microsoft.SharePoint.SPException');
}
