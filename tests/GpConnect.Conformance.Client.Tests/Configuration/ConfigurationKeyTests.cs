using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Configuration;

/// <summary>
/// Audit findings 5, 6, 7 and 9: dotted override keys work, unknown keys are errors naming the key, the file and the
/// nearest known key, the same key twice does not crash, and an object or list where a value belongs is named as such.
/// </summary>
public sealed class ConfigurationKeyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ConfigurationException Problems(Action<JsonObject> edit, string? environmentPrefix = null, params (string Key, string? Value)[] overrides)
    {
        var json = TestSettings.DefaultJson();
        edit(json);
        var file = _temp.Write("x.json", json.ToJsonString());
        return Should.Throw<ConfigurationException>(() =>
            SettingsLoader.Load(file, overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)), environmentPrefix));
    }

    [Fact]
    public void A_misspelt_key_in_the_file_is_an_error_with_a_suggestion()
    {
        var error = Problems(j => j["provider"]!["allowWrite"] = false);

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Key.ShouldBe("provider:allowWrite");
        problem.Message.ShouldContain("did you mean provider:allowWrites?");
        error.Message.ShouldContain("x.json");
    }

    [Fact]
    public void A_misspelt_override_names_the_override()
    {
        var error = Problems(_ => { }, null, ("htp:timeoutSeconds", "5"));
        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("did you mean http:timeoutSeconds?");
        problem.Origin.ShouldBe("override (--set)");
    }

    [Fact]
    public void A_misspelt_environment_variable_is_an_error_but_a_non_configuration_variable_is_left_alone()
    {
        var prefix = $"GPCCT{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "PROVIDER__ALLOWWRITE", "false");
        Environment.SetEnvironmentVariable(prefix + "SUITE_TAGS", "@foundations");
        try
        {
            var problem = Problems(_ => { }, prefix).Problems.ShouldHaveSingleItem();
            problem.Message.ShouldContain("did you mean provider:allowWrites?");
            problem.Origin.ShouldBe($"environment variable {prefix}PROVIDER__ALLOWWRITE");
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "PROVIDER__ALLOWWRITE", null);
            Environment.SetEnvironmentVariable(prefix + "SUITE_TAGS", null);
        }
    }

    [Theory]
    [InlineData("config/default.json")]
    [InlineData("config/provider.example.json")]
    public void Every_key_of_the_shipped_configurations_is_known(string relative)
    {
        var file = Path.Combine(RepositoryPaths.Root, relative);
        try
        {
            SettingsLoader.Load(file, null, environmentPrefix: null);
        }
        catch (ConfigurationException e)
        {
            // provider.example.json names certificate files a user supplies; nothing else may be wrong.
            e.Problems.ShouldAllBe(p => p.Key.StartsWith("tls:"), e.Message);
        }
    }

    [Fact]
    public void Every_test_data_role_and_comment_is_allowed()
    {
        var settings = TestSettings.Default(
            ("testData:someNewArea:someNewRole:someValue", "1"),
            ("provider:embedded://", "a comment"),
            ("expectations:queryResponseLimitMs", "3000"),
            ("reports:keepRuns", "5"));
        settings.GetTestData("someNewArea.someNewRole", "someValue").ShouldBe("1");
    }

    [Fact]
    public void Dotted_override_keys_work_like_the_readme_writes_them()
    {
        TestSettings.Default(("provider.allowWrites", "false")).Provider.AllowWrites.ShouldBeFalse();
        TestSettings.Default(("http.timeoutSeconds", "7")).Http.TimeoutSeconds.ShouldBe(7);
    }

    [Fact]
    public void The_same_override_twice_keeps_the_last_value()
    {
        var settings = TestSettings.Default(("http:timeoutSeconds", "5"), ("http:timeoutSeconds", "6"), ("HTTP.timeoutseconds", "8"));
        settings.Http.TimeoutSeconds.ShouldBe(8);
    }

    [Fact]
    public void An_object_where_a_value_belongs_is_named_as_such_not_silently_defaulted()
    {
        var error = Problems(j => j["provider"]!["allowWrites"] = new JsonObject { ["value"] = false });
        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Key.ShouldBe("provider:allowWrites");
        problem.Message.ShouldContain("must be a single value");
    }

    [Fact]
    public void A_list_where_a_value_belongs_is_named_as_such_not_called_missing()
    {
        var error = Problems(j => j["consumer"]!["asid"] = new JsonArray("200000000359"));
        var problem = error.Problems.ShouldHaveSingleItem(error.Message);
        problem.Key.ShouldBe("consumer:asid");
        problem.Message.ShouldContain("must be a single value");
        error.Message.ShouldNotContain("is required");
    }

    [Fact]
    public void A_value_where_a_list_or_section_belongs_is_named_as_such()
    {
        Problems(j => j["consumer"]!["practitioner"]!["given"] = "Tess").Problems.ShouldHaveSingleItem().Message.ShouldContain("must be a list");
        Problems(j => j["http"] = "30").Problems.ShouldHaveSingleItem().Message.ShouldContain("http must be a section");
    }
}
