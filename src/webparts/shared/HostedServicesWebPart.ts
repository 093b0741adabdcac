import { createSpfxServices, IDataServices } from '../../data/spfx';
import { HostedWebPartBase, IHostedWebPartProps } from './HostedWebPart';

/** A host with the full data services (repository, "Lijsten controleren"): the cards and Auditopvolging. */
export abstract class HostedWebPart<P extends IHostedWebPartProps> extends HostedWebPartBase<P> {
  protected services!: IDataServices;

  protected onDataSite(url: string): void {
    this.services = createSpfxServices(this.context, url);
  }
}
