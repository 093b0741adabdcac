import * as React from 'react';
import { IReportDataReader } from '../data/IOrgRepository';
import { IReportData } from '../model/types';
import { ICachedDataState, useCachedData } from './useCachedData';

export type IReportDataState = Omit<ICachedDataState<IReportData>, 'update'>;

/** Every item of the lists through the one cached loader (useCachedData): the cached copy first, then loadReportData(). */
export function useReportData(reader: IReportDataReader): IReportDataState {
  const load = React.useCallback(() => reader.loadReportData(), [reader]);
  return useCachedData(reader, () => reader.getCached(), load);
}
