import type { VendorModule } from '@x/auth-core/projection';
import { ListingCache, loadListingCache } from './listing-cache.js';
import { VENDOR_LOADERS } from './vendor-loaders.js';
import { lazyVendor, type VendorManifest } from './vendor-manifest.js';

/** The vendor modules the bin serves, and the build's listing entries for them. */
export interface StartupVendors {
  readonly vendors: readonly VendorModule[];
  readonly listingCache: ListingCache;
  /** Whether the vendors are stand-ins that load on first use (false: the build's file was missing or stale). */
  readonly lazy: boolean;
}

/**
 * The bin's vendors: stand-ins made from the build's manifests when the listing cache file is valid for the
 * code installed now (so a start loads no vendor package before the first call that needs one), else the
 * vendor packages themselves, loaded now.
 */
export function startupVendors(): StartupVendors {
  const loaded = loadListingCache();
  const manifests = loaded?.vendors ?? [];
  const matches =
    manifests.length === VENDOR_LOADERS.length &&
    manifests.every((manifest, i) => manifest.id === VENDOR_LOADERS[i]?.id);
  if (loaded && matches) {
    const vendors = VENDOR_LOADERS.map((loader, i) =>
      lazyVendor(manifests[i] as VendorManifest, loader.load),
    );
    return { vendors, listingCache: new ListingCache(vendors, undefined, undefined, loaded), lazy: true };
  }
  const vendors = VENDOR_LOADERS.map((loader) => loader.load());
  return { vendors, listingCache: new ListingCache(vendors), lazy: false };
}
