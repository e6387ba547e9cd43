using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Handlers;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>Wires the provider's parts for one set of options. Adding an interaction means adding its handler here.</summary>
internal static class ProviderComposition
{
    /// <summary>The service root path, e.g. <c>/A20047/STU3/1/gpconnect</c>.</summary>
    public static string ServiceRootPath(string odsCode) => $"/{odsCode}/STU3/1/gpconnect";

    public static RequestDispatcher Compose(ReferenceProviderOptions options, SpecRelease release, ActiveFaults faults, Func<string> serviceRoot)
    {
        var store = PracticeSeeder.Seed(options.OdsCode, options.TimeProvider);
        var mapper = new ResourceMapper(release, faults);
        IInteractionHandler[] handlers =
        [
            new MetadataHandler(new CapabilityStatementBuilder(release, faults)),
            new SlotSearchHandler(store, mapper, faults),
            new ReadLocationHandler(store, mapper),
            new ReadOrganizationHandler(store, mapper),
            new FindOrganizationHandler(store, mapper, faults),
            new ReadPractitionerHandler(store, mapper),
            new FindPractitionerHandler(store, mapper, faults),
        ];
        return new RequestDispatcher(
            ServiceRootPath(options.OdsCode),
            new FormatNegotiator(faults),
            new SspHeaderValidator(options.Asid, faults),
            () => new JwtValidator(serviceRoot(), options.TimeProvider, options.JwtClockSkewLeewaySeconds, options.ValidateIat, faults),
            handlers.ToDictionary(h => h.Interaction),
            new ResponseWriter(faults));
    }
}
