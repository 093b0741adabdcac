import { createSpfxServices, IDataServices } from '../../data/spfx';
import { ReactWebPartBase, IDataSourceProps } from './ReactWebPartBase';

/** A host with the full data services (repository, "Lijsten controleren"): the cards and Auditopvolging. */
export abstract class DataWebPartBase<P extends IDataSourceProps> extends ReactWebPartBase<P> {
  protected services!: IDataServices;

  protected onDataSite(url: string): void {
    this.services = createSpfxServices(this.context, url);
  }
}
