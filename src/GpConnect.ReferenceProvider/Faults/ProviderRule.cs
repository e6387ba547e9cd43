namespace GpConnect.ReferenceProvider.Faults;

/// <summary>Provider rules that a fault may waive. Each is checked at exactly one place in the code.</summary>
internal enum ProviderRule
{
    /// <summary>A request must carry <c>Ssp-InteractionID</c>.</summary>
    InteractionIdRequired,
    /// <summary><c>Ssp-To</c> must equal the provider's own ASID.</summary>
    SspToMustMatchAsid,
    /// <summary>A JWT expired beyond the clock-skew leeway is rejected.</summary>
    JwtExpiryEnforced,
    /// <summary>A JWT whose <c>aud</c> is not the service root is rejected.</summary>
    JwtAudienceEnforced,
    /// <summary>Every response carries <c>Cache-Control: no-store</c>.</summary>
    CacheControlNoStore,
    /// <summary>Slot search refuses windows longer than two weeks.</summary>
    SlotSearchWindowLimit,
    /// <summary>Slot search never returns Visit slots (#826).</summary>
    SlotSearchExcludesVisit,
    /// <summary>Slot search always includes the Organization when slots are returned.</summary>
    SlotSearchAlwaysIncludesOrganization,
    /// <summary>Slot search applies the booking-organisation restriction matrix.</summary>
    SlotSearchAppliesRestrictions,
    /// <summary>Unsupported formats are refused with 415.</summary>
    UnsupportedFormatRefused,
    /// <summary>Responses carrying one resource send <c>ETag: W/"versionId"</c>.</summary>
    ReadETag,
    /// <summary>Find interactions refuse identifier systems other than the documented one.</summary>
    FindChecksIdentifierSystem,
}
