using System.Text;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Fixtures;

/// <summary>Hand-built runs covering every status, outline rows, HTTP evidence (JSON, XML, JWT) and HTML-special text.</summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 17, 0, 0, TimeSpan.Zero);

    public const string PatientNhsNumber = "9434765919";
    public const string SpacedNhsNumber = "943 476 5870";
    public const string PatientFamily = "Featherstonehaugh";
    public const string PatientGiven = "Philippa";
    public const string PractitionerFamily = "Okonkwo";
    public const string HostileText = "<script>alert('x')</script> & \"quoted\"";

    public static string Jwt()
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = """{"alg":"none","typ":"JWT"}""";
        var payload = $$$$"""{"iss":"https://consumer.example","exp":1795280700,"iat":1795280400,"reason_for_request":"directcare","requested_scope":"patient/*.read","requested_record":{"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{{PatientNhsNumber}}}}"}]},"requesting_practitioner":{"resourceType":"Practitioner","id":"1","name":[{"family":"{{{{PractitionerFamily}}}}","given":["Adaeze"]}]}}""";
        return $"{B64(header)}.{B64(payload)}.";
    }

    public static readonly string PatientJson = $$$$"""
        {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Patient","id":"2",
        "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{{PatientNhsNumber}}}}"}],
        "name":[{"use":"official","family":"{{{{PatientFamily}}}}","given":["{{{{PatientGiven}}}}"]}],"birthDate":"1970-01-01"}}]}
        """;

    public static readonly string SlotXml = """
        <Bundle xmlns="http://hl7.org/fhir"><type value="searchset"/><entry><resource><Slot><id value="7"/><status value="free"/>
        <comment value="a &lt;b&gt; comment"/></Slot></resource></entry><entry><resource><Practitioner><name><family value="Abernathy"/><given value="Quentin"/></name></Practitioner></resource></entry></Bundle>
        """;

    public static HttpExchangeEvidence JsonExchange(int status = 200) => new(
        "Find a patient", "GET", $"https://provider.example/B82617/STU3/1/gpconnect/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{PatientNhsNumber}",
        [new("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1"), new("Authorization", "Bearer " + Jwt()),
         new("Accept", "application/fhir+json")],
        null, status, [new("Content-Type", "application/fhir+json;charset=utf-8"), new("Cache-Control", "no-store")],
        PatientJson, TimeSpan.FromMilliseconds(123), Start.AddSeconds(1));

    public static HttpExchangeEvidence XmlExchange() => new(
        "Search for free slots", "GET", "https://provider.example/B82617/STU3/1/gpconnect/fhir/Slot?status=free",
        [new("Authorization", "Bearer " + Jwt()), new("Accept", "application/fhir+xml")],
        null, 422, [new("Content-Type", "application/fhir+xml;charset=utf-8")],
        SlotXml, TimeSpan.FromMilliseconds(456), Start.AddSeconds(2));

    public static HttpExchangeEvidence RefusedExchange() => new(
        "Read metadata", "GET", "https://unreachable.example/metadata", [], null, null, [], null,
        TimeSpan.FromMilliseconds(5), Start.AddSeconds(3), "Connection refused (unreachable.example:443)");

    public static ScenarioInfo Info(string file, string feature, string name, int line, string[] tags, string? row = null, int? rowIndex = null) => new()
    {
        Id = rowIndex is null ? $"{file}:{line}" : $"{file}:{line}:{rowIndex}",
        FeatureFile = file, FeatureName = feature, Name = name, Line = line, ExampleRow = row, Tags = tags,
    };

    public static ScenarioResult Result(ScenarioInfo info, ScenarioStatus status, string? message = null,
        IReadOnlyList<CheckFailure>? failures = null, IReadOnlyList<Evidence>? evidence = null, IReadOnlyList<StepResult>? steps = null, int offsetSeconds = 0) => new()
    {
        Scenario = info, Status = status, Message = message, Failures = failures ?? [], Evidence = evidence ?? [],
        Steps = steps ?? [new("Given ", "a provider", 5, StepStatus.Passed, TimeSpan.FromMilliseconds(2))],
        Started = Start.AddSeconds(offsetSeconds), Duration = TimeSpan.FromMilliseconds(250),
    };

    public const string FindFile = "features/foundations/find_a_patient.feature";
    public const string SlotsFile = "features/appointments/search_for_free_slots.feature";
    public const string TicketFile = "features/tickets/ticket_912.feature";

    /// <summary>Every status, one outline with two rows, JSON/XML/JWT/refused evidence, a feature load error.</summary>
    public static RunResult Full()
    {
        string[] findTags = ["@use-case-find-a-patient", "@FND-012", "@since-1.2.0"];
        string[] slotTags = ["@use-case-search-for-free-slots", "@APT-040"];
        string[] ticketTags = ["@ticket-912", "@since-1.2.7", "@TKT-032", "@use-case-search-for-free-slots"];

        var failedSteps = new List<StepResult>
        {
            new("Given ", "the patient TD-01", 8, StepStatus.Passed, TimeSpan.FromMilliseconds(1)),
            new("When ", "I search for free slots", 9, StepStatus.Passed, TimeSpan.FromMilliseconds(460)),
            new("Then ", "every Slot has exactly one serviceType", 10, StepStatus.Failed, TimeSpan.FromMilliseconds(3), "Slot/7 has no serviceType"),
            new("And ", "the response is cached for no one", 11, StepStatus.Skipped, TimeSpan.Zero),
        };
        var scenarios = new List<ScenarioResult>
        {
            Result(Info(FindFile, "Find a patient", "Find a patient by NHS number", 10, findTags), ScenarioStatus.Passed,
                evidence: [JsonExchange()]),
            Result(Info(SlotsFile, "Search for free slots", "Slots carry one service type", 20, slotTags, "kind=free, format=xml", 1),
                ScenarioStatus.Failed, "Slot/7 has no serviceType " + HostileText,
                [new CheckFailure("TKT-032", "Bundle.entry[0].resource.serviceType", "exactly 1", "0", "Slot must have exactly one serviceType " + HostileText)],
                [new TextEvidence("Note", "Checked 1 slot <b>bold</b>"), XmlExchange()], failedSteps, 2),
            Result(Info(SlotsFile, "Search for free slots", "Slots carry one service type", 20, slotTags, "kind=free, format=json", 2),
                ScenarioStatus.Passed, evidence: [JsonExchange()], offsetSeconds: 3),
            Result(Info(SlotsFile, "Search for free slots", "Provider unreachable", 30, slotTags), ScenarioStatus.Failed,
                "No response from the provider", evidence: [RefusedExchange()], offsetSeconds: 4),
            Result(Info(TicketFile, "Ticket 912 — slot type", "Schedule carries a schedule type", 12, ticketTags), ScenarioStatus.Skipped,
                "Test data role TD-02 is not configured"),
            Result(Info(TicketFile, "Ticket 912 — slot type", "Before 1.2.7 no type is required", 20, [.. ticketTags, "@until-1.2.6"]),
                ScenarioStatus.NotApplicable, "Applies up to 1.2.6; target is 1.2.7"),
            Result(Info(TicketFile, "Ticket 912 — slot type", "Booked appointment echoes the type", 30, ticketTags), ScenarioStatus.Waived,
                "Waived: supplier fix due (owner Jo Bloggs, expires 2026-12-31). Original failure: serviceType missing"),
        };
        return new RunResult
        {
            Started = Start, Finished = Start.AddSeconds(10), Scenarios = scenarios,
            FeatureErrors = [new FeatureLoadError("features/broken.feature", 3, 5, "expected: #Feature, got 'Scenari: typo'")],
            Metadata = [new("target", "https://provider.example/B82617/STU3/1/gpconnect/fhir"), new("specVersion", "1.2.7"),
                new("expectationSet", "default-1.2.7"), new("config", """{"Provider":{"BaseUrl":"https://provider.example","ClientKey":"***"}}""")],
        };
    }

    /// <summary>
    /// A run as a reviewer meets it after a provider ignores one header: 13 failures with one cause (Cache-Control missing),
    /// 3 with a status pair (400 expected, 200 answered), 1 with a status and error code pair, 2 without findings, plus
    /// passes across several use cases and tickets, and exchanges whose times straddle the spec's limits.
    /// </summary>
    public static RunResult ManyFailures()
    {
        var useCases = new[] { "get-the-fhir-capability-statement", "search-for-free-slots", "book-an-appointment", "read-an-organisation", "find-a-patient", "amend-an-appointment", "cancel-an-appointment" };
        var tickets = new[] { "640", "643", "658", "826", "912", "921" };
        var scenarios = new List<ScenarioResult>();
        var n = 0;
        ScenarioResult Make(string file, string feature, string name, ScenarioStatus status, string? message, IReadOnlyList<CheckFailure> failures, IReadOnlyList<Evidence> evidence, string[] extraTags)
        {
            n++;
            var uc = useCases[n % useCases.Length];
            string[] tags = [$"@use-case-{uc}", $"@ticket-{tickets[n % tickets.Length]}", n % 3 == 0 ? "@since-1.2.7" : "@since-1.2.3", .. extraTags];
            var steps = new List<StepResult>
            {
                new("Given ", "the provider is configured", 5, StepStatus.Passed, TimeSpan.FromMilliseconds(1)),
                new("When ", $"I send a {uc.Replace('-', ' ')} request", 6, StepStatus.Passed, TimeSpan.FromMilliseconds(40)),
                new("Then ", "the response should be valid", 7, status == ScenarioStatus.Failed ? StepStatus.Failed : StepStatus.Passed, TimeSpan.FromMilliseconds(2), status == ScenarioStatus.Failed ? message : null),
            };
            return Result(Info(file, feature, $"{name} ({uc.Replace('-', ' ')})", 10 + n, tags), status, message, failures, evidence, steps, n);
        }
        HttpExchangeEvidence Exchange(string interaction, string method, int status, double ms, string? body = null, bool cacheControl = true) => new(
            interaction, method, $"https://provider.example/B82617/STU3/1/gpconnect/fhir/{interaction}",
            [new("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:" + interaction), new("Ssp-TraceID", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
             new("Authorization", "Bearer " + Jwt()), new("Accept", "application/fhir+json")],
            method == "GET" ? null : """{"resourceType":"Appointment","status":"booked","description":"It's a check-up"}""",
            status, cacheControl ? [new("Content-Type", "application/fhir+json;charset=utf-8"), new("Cache-Control", "no-store")] : [new("Content-Type", "application/fhir+json;charset=utf-8")],
            body ?? """{"resourceType":"CapabilityStatement","version":"1.2.7","fhirVersion":"3.0.1","format":["application/fhir+json","application/fhir+xml"]}""",
            TimeSpan.FromMilliseconds(ms), Start.AddSeconds(n));
        const string outcome = """{"resourceType":"OperationOutcome","meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"]},"issue":[{"severity":"error","code":"invalid","details":{"coding":[{"system":"https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1","code":"INVALID_RESOURCE"}]},"diagnostics":"Appointment.description is mandatory."}]}""";
        const string slots = """{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Slot","id":"1","status":"free","serviceType":[{"text":"GP"}]}},{"resource":{"resourceType":"Slot","id":"2","status":"free"}}]}""";

        for (int i = 0; i < 13; i++)
            scenarios.Add(Make("features/core/resource-conventions.feature", "Conventions every response follows", "A successful response carries Cache-Control no-store",
                ScenarioStatus.Failed, $"Every GP Connect response must carry Cache-Control: no-store; this {(i % 2 == 0 ? 200 : 400)} response has no Cache-Control header.",
                [new CheckFailure("header.cache-control", "Cache-Control", "no-store", "absent", $"Every GP Connect response must carry Cache-Control: no-store; this {(i % 2 == 0 ? 200 : 400)} response has no Cache-Control header.")],
                [Exchange("rest:read:metadata-1", "GET", 200, 30 + i, cacheControl: false)], ["@CORE-073", "@FND-002"]));
        for (int i = 0; i < 3; i++)
            scenarios.Add(Make("features/core/ssp-headers.feature", "Spine Secure Proxy headers", "A request without the Ssp-TraceID header is rejected",
                ScenarioStatus.Failed, "Expected HTTP 400 but the provider answered 200.",
                [new CheckFailure("http.status", null, "400", "200", "Expected HTTP 400 but the provider answered 200."),
                 new CheckFailure("resource.type", "CapabilityStatement", "OperationOutcome", "CapabilityStatement", "Expected a OperationOutcome resource but the body is a CapabilityStatement.")],
                [Exchange("rest:read:metadata-1", "GET", 200, 25)], ["@CORE-011"]));
        scenarios.Add(Make("features/core/ssp-headers.feature", "Spine Secure Proxy headers", "A booking without the Ssp-TraceID header is rejected",
            ScenarioStatus.Failed, "Expected HTTP 400 but the provider answered 422 with INVALID_RESOURCE.",
            [new CheckFailure("http.status", null, "400", "422", "Expected HTTP 400 but the provider answered 422 with INVALID_RESOURCE (\"Appointment.description is mandatory.\")."),
             new CheckFailure("spine-error-code", "OperationOutcome.issue.details.coding.code", "BAD_REQUEST", "INVALID_RESOURCE", "Expected Spine error code BAD_REQUEST but the OperationOutcome carries INVALID_RESOURCE.")],
            [Exchange("rest:create:appointment-1", "POST", 422, 80, outcome)], ["@CORE-011"]));
        scenarios.Add(Make("features/appointments/search-for-free-slots.feature", "Search for free slots", "Every Slot has exactly one serviceType",
            ScenarioStatus.Failed, "Slot/2 has no serviceType",
            [new CheckFailure("TKT-032", "Bundle.entry[1].resource.serviceType", "exactly 1", "0", "Slot must have exactly one serviceType " + HostileText)],
            [Exchange("rest:search:slot-1", "GET", 200, 1450, slots)], ["@TKT-032", "@APT-040"]));
        scenarios.Add(Make("features/core/transport.feature", "Transport", "The provider answers within the time-out", ScenarioStatus.Failed,
            "Step 'When I send a request' (line 6) failed: No response from https://provider.example within 30 s", [], [], []));
        scenarios.Add(Make("features/core/transport.feature", "Transport", "The provider answers a second request within the time-out", ScenarioStatus.Failed,
            "Step 'When I send another request' (line 9) failed: No response from https://provider.example within 31 s", [], [], []));
        for (int i = 0; i < 30; i++)
        {
            var (interaction, method, ms) = (i % 5) switch
            {
                0 => ("rest:search:slot-1", "GET", 300.0 + i * 40),
                1 => ("rest:create:appointment-1", "POST", 60.0 + i * 7),
                2 => ("rest:read:metadata-1", "GET", 12.0 + i),
                3 => ("rest:cancel:appointment-1", "POST", 40.0 + i),
                _ => ("operation:gpc.registerpatient-1", "POST", 90.0 + i * 3),
            };
            scenarios.Add(Make("features/use-cases.feature", "Use cases", $"Scenario {i} succeeds", ScenarioStatus.Passed, null, [],
                [Exchange(interaction, method, method == "GET" ? 200 : 201, ms)], ["@CORE-129"]));
        }
        scenarios.Add(Make("features/tickets/ticket_912.feature", "Ticket 912", "Before 1.2.7 no type is required", ScenarioStatus.NotApplicable, "Applies up to 1.2.6; target is 1.2.7", [], [], []));
        scenarios.Add(Make("features/tickets/ticket_912.feature", "Ticket 912", "A schedule type is echoed", ScenarioStatus.Skipped, "Test data role TD-02 is not configured", [], [], []));
        scenarios.Add(Make("features/tickets/ticket_912.feature", "Ticket 912", "Booked appointment echoes the type", ScenarioStatus.Waived, "Waived: supplier fix due", [], [], []));
        return new RunResult
        {
            Started = Start, Finished = Start.AddSeconds(95), Scenarios = scenarios,
            Metadata = [new("target", "https://provider.example/B82617/STU3/1/gpconnect/fhir"), new("specVersion", "1.2.7"), new("expectations", "seed defaults"),
                new("config", "provider:odsCode = B82617\ntls:clientCertificatePassword = hunter2-secret\nprovider:clientKey = k3y-material\nhttp:timeoutSeconds = 30")],
        };
    }

    /// <summary>A minimal run: ids with statuses, for comparison and policy tests.</summary>
    public static RunResult WithStatuses(params (string Id, ScenarioStatus Status)[] scenarios) => new()
    {
        Started = Start, Finished = Start.AddSeconds(1),
        Scenarios = scenarios.Select(s => new ScenarioResult
        {
            Scenario = new ScenarioInfo { Id = s.Id, FeatureFile = s.Id.Split(':')[0], FeatureName = "F", Name = s.Id, Line = 1, Tags = [] },
            Status = s.Status, Message = s.Status == ScenarioStatus.Failed ? "boom" : null, Started = Start,
        }).ToList(),
    };
}
