/** An amenity code as the catalog spells them ('wifi', 'hot_tub'); the amenities CHECK enforces the same. */
export const AMENITY_CODE = /^[a-z][a-z0-9_]*$/;
export const MAX_AMENITY_CODE_LENGTH = 64;
