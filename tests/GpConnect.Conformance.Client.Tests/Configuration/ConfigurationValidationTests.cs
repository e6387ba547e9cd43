using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Configuration;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Writes the default config with one change, loads it, and returns the single problem reported.</summary>
    private ConfigurationProblem SingleProblem(Action<JsonObject> edit, params (string Key, string? Value)[] overrides)
    {
        var json = TestSettings.DefaultJson();
        edit(json);
        var file = _temp.Write("x.json", json.ToJsonString());
        var error = Should.Throw<ConfigurationException>(() =>
            SettingsLoader.Load(file, overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)), environmentPrefix: null));
        error.Problems.Count.ShouldBe(1, error.Message);
        error.File.ShouldBe(file);
        error.Message.ShouldStartWith(file + ": ");
        return error.Problems[0];
    }

    private ConfigurationProblem SingleProblem(params (string Key, string? Value)[] overrides) => SingleProblem(_ => { }, overrides);

    [Fact]
    public void Remote_target_needs_a_base_url()
    {
        var problem = SingleProblem(("provider:target", "remote"));
        problem.Key.ShouldBe("provider:fhirBaseUrl");
        problem.Message.ShouldBe("provider:fhirBaseUrl is required when provider:target is \"remote\"");
    }

    [Fact]
    public void Unsupported_spec_version_lists_the_supported_ones()
    {
        var problem = SingleProblem(("specVersion", "1.2.5"));
        problem.Key.ShouldBe("specVersion");
        problem.Message.ShouldBe("specVersion \"1.2.5\" is not supported (use 1.2.3, 1.2.4 or 1.2.7)");
    }

    [Fact]
    public void Missing_spec_version_is_required() =>
        SingleProblem(j => j.Remove("specVersion")).Message.ShouldBe("specVersion is required");

    [Theory]
    [InlineData("not a url", "must be an absolute http or https URL")]
    [InlineData("ftp://provider.example/A1/STU3/1/gpconnect", "must be an absolute http or https URL")]
    [InlineData("https://provider.example/A1/STU3/1/gpconnect/", "must not end with '/'")]
    [InlineData("https://provider.example/A1/STU3/1/gpconnect?x=1", "without query or fragment")]
    public void Invalid_base_url_is_reported(string url, string expected)
    {
        var problem = SingleProblem(("provider:target", "remote"), ("provider:fhirBaseUrl", url));
        problem.Key.ShouldBe("provider:fhirBaseUrl");
        problem.Message.ShouldContain(expected);
        problem.Message.ShouldContain(url);
    }

    [Theory]
    [InlineData("provider:asid")]
    [InlineData("consumer:asid")]
    public void Asid_must_be_digits(string key)
    {
        var problem = SingleProblem((key, "12AB"));
        problem.Key.ShouldBe(key);
        problem.Message.ShouldBe($"{key} must be digits only (got \"12AB\")");
    }

    [Fact]
    public void Ods_code_must_be_alphanumeric() =>
        SingleProblem(("consumer:odsCode", "A1 2")).Message.ShouldBe("consumer:odsCode must be letters and digits only (got \"A1 2\")");

    [Theory]
    [InlineData("consumer:systemUrl")]
    [InlineData("consumer:device:system")]
    public void Consumer_urls_must_be_absolute(string key) =>
        SingleProblem((key, "relative/path")).Key.ShouldBe(key);

    [Fact]
    public void Practitioner_id_must_be_a_fhir_id() =>
        SingleProblem(("consumer:practitioner:id", "has space")).Message.ShouldContain("consumer:practitioner:id must be a FHIR id");

    [Theory]
    [InlineData("consumer:organisationName")]
    [InlineData("consumer:device:value")]
    [InlineData("consumer:practitioner:sdsUserId")]
    [InlineData("consumer:practitioner:family")]
    [InlineData("provider:odsCode")]
    public void Required_keys_are_named_when_empty(string key) =>
        SingleProblem((key, "")).Message.ShouldBe($"{key} is required");

    [Fact]
    public void Missing_certificate_file_is_reported()
    {
        var problem = SingleProblem(("tls:clientCertificate", "certs/nope.pfx"));
        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldStartWith("tls:clientCertificate names a file that does not exist: \"certs/nope.pfx\"");
    }

    [Fact]
    public void Missing_ca_file_is_reported() =>
        SingleProblem(("tls:trustedCaCertificate", "nope.pem")).Key.ShouldBe("tls:trustedCaCertificate");

    [Fact]
    public void Unreadable_certificate_is_reported()
    {
        _temp.Write("garbage.pfx", "this is not a certificate");
        var problem = SingleProblem(("tls:clientCertificate", "garbage.pfx"));
        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldContain("could not be loaded");
    }

    [Fact]
    public void Wrong_certificate_password_is_reported()
    {
        using var ca = Client.Tls.TestCertificateAuthority.Create();
        using var cert = ca.IssueClientCertificate();
        Client.Tls.TestCertificateAuthority.ExportPfx(cert, _temp.File("client.pfx"), "right");

        var problem = SingleProblem(("tls:clientCertificate", "client.pfx"), ("tls:clientCertificatePassword", "wrong"));

        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldContain("password is wrong");
    }

    [Fact]
    public void Relative_certificate_paths_resolve_beside_the_config_file()
    {
        using var ca = Client.Tls.TestCertificateAuthority.Create();
        using var cert = ca.IssueClientCertificate();
        Client.Tls.TestCertificateAuthority.ExportPem(cert, _temp.File("client.pem"));
        ca.ExportCaCertificatePem(_temp.File("ca.pem"));
        var file = _temp.Write("x.json", TestSettings.DefaultJson().ToJsonString());

        var settings = SettingsLoader.Load(file, [new("tls:clientCertificate", "client.pem"), new("tls:trustedCaCertificate", "ca.pem")], null);

        settings.Tls.ClientCertificate.ShouldBe(_temp.File("client.pem"));
        settings.Tls.TrustedCaCertificate.ShouldBe(_temp.File("ca.pem"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Timeout_must_be_positive(string value)
    {
        var problem = SingleProblem(("http:timeoutSeconds", value));
        problem.Key.ShouldBe("http:timeoutSeconds");
        problem.Message.ShouldBe($"http:timeoutSeconds must be greater than 0 (got {value})");
    }

    [Fact]
    public void Timeout_must_be_a_number() =>
        SingleProblem(("http:timeoutSeconds", "soon")).Message.ShouldBe("http:timeoutSeconds must be a number of seconds (got \"soon\")");

    [Fact]
    public void Time_budget_must_be_a_positive_number_of_minutes()
    {
        SingleProblem(("run:timeBudgetMinutes", "an hour")).Message.ShouldBe("run:timeBudgetMinutes must be a number of minutes (got \"an hour\")");
        SingleProblem(("run:timeBudgetMinutes", "0")).Message.ShouldBe("run:timeBudgetMinutes must be greater than 0 (got 0)");
        SingleProblem(("run:unresponsiveAfterTimeouts", "-1")).Message.ShouldBe("run:unresponsiveAfterTimeouts must be 0 or more (got -1)");
    }

    [Fact]
    public void Unknown_target_is_reported() =>
        SingleProblem(("provider:target", "staging")).Message.ShouldBe("provider:target must be \"embedded\" or \"remote\" (got \"staging\")");

    [Fact]
    public void Booleans_must_be_true_or_false() =>
        SingleProblem(("provider:allowWrites", "yes")).Message.ShouldBe("provider:allowWrites must be true or false (got \"yes\")");

    [Fact]
    public void Leeway_must_be_a_non_negative_whole_number()
    {
        SingleProblem(("jwt:clockSkewLeewaySeconds", "-1")).Message.ShouldBe("jwt:clockSkewLeewaySeconds must be 0 or more (got -1)");
        SingleProblem(("jwt:clockSkewLeewaySeconds", "1.5")).Message.ShouldBe("jwt:clockSkewLeewaySeconds must be a whole number (got \"1.5\")");
    }

    [Fact]
    public void Service_type_max_must_be_at_least_one() =>
        SingleProblem(("expectations:serviceTypeMax", "0")).Key.ShouldBe("expectations:serviceTypeMax");

    [Fact]
    public void Faults_must_be_a_list() =>
        SingleProblem(j => j["provider"]!["embedded"]!["faults"] = "x").Message.ShouldBe("provider:embedded:faults must be a list (a JSON array), not \"x\"");

    [Fact]
    public void Every_problem_is_reported_together_each_naming_its_key()
    {
        var json = TestSettings.DefaultJson();
        var file = _temp.Write("many.json", json.ToJsonString());

        var error = Should.Throw<ConfigurationException>(() => SettingsLoader.Load(file,
            [new("specVersion", "9"), new("provider:asid", "x"), new("http:timeoutSeconds", "0"), new("provider:target", "nowhere")], null));

        error.Problems.Select(p => p.Key).ShouldBe(["specVersion", "provider:target", "provider:asid", "http:timeoutSeconds"], ignoreOrder: true);
        error.Message.Split(Environment.NewLine).Length.ShouldBe(4);
        error.Message.Split(Environment.NewLine).ShouldAllBe(line => line.StartsWith(file + ": "));
        error.Key.ShouldBe("specVersion");
    }

    [Fact]
    public void Problems_say_when_the_value_came_from_an_override_or_the_environment()
    {
        var file = _temp.Write("origin.json", TestSettings.DefaultJson().ToJsonString());
        var prefix = "GPCCTEST" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "CONSUMER__ASID", "not-digits");
        try
        {
            var error = Should.Throw<ConfigurationException>(() => SettingsLoader.Load(file, [new("provider:asid", "x1")], prefix));

            error.Problems.Single(p => p.Key == "provider:asid").Origin.ShouldBe("override");
            error.Problems.Single(p => p.Key == "consumer:asid").Origin.ShouldBe($"environment variable {prefix}CONSUMER__ASID");
            error.Message.ShouldContain($"{file}: consumer:asid must be digits only (got \"not-digits\") (value from environment variable {prefix}CONSUMER__ASID)");
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "CONSUMER__ASID", null);
        }
    }

    [Fact]
    public void Problems_with_values_in_the_file_have_no_origin()
    {
        var problem = SingleProblem(j => j["provider"]!["asid"] = "abc");
        problem.Origin.ShouldBeNull();
        problem.ToString().ShouldNotContain("value from");
    }

    [Fact]
    public void Missing_file_is_one_clear_message()
    {
        var file = _temp.File("absent.json");
        var error = Should.Throw<ConfigurationException>(() => SettingsLoader.Load(file));
        error.File.ShouldBe(file);
        error.Key.ShouldBe("");
        error.Message.ShouldStartWith($"{file}: the configuration file does not exist");
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var file = _temp.Write("bad.json", "{\n  \"specVersion\": \"1.2.7\",\n  \"provider\": { \"asid\": 12 \n  \"odsCode\": \"A1\" }\n}");
        var error = Should.Throw<ConfigurationException>(() => SettingsLoader.Load(file));
        error.Problems.Count.ShouldBe(1);
        error.Message.ShouldStartWith($"{file}: malformed JSON at line 4");
    }

    [Fact]
    public void Duplicate_keys_are_malformed_json()
    {
        var file = _temp.Write("dup.json", "{ \"specVersion\": \"1.2.7\", \"specVersion\": \"1.2.3\" }");
        Should.Throw<ConfigurationException>(() => SettingsLoader.Load(file)).Message.ShouldContain("malformed JSON");
    }
}
