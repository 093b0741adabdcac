/**
 * The local tenant's id: the only tenant id `ensureUser` accepts in the claim of
 * "Everyone except external users" (`c:0-.f|rolemanager|spo-grid-all-users/<tenant id>`, dev/server/FIDELITY.md U-01).
 * A tenant's own id comes from SPFx (pageContext.aadInfo.tenantId) or the access token's `tid`.
 */
export const LOCAL_TENANT_ID = '7d3c2a91-5b0e-4c58-9f3e-0c1a2b3c4d5e';
