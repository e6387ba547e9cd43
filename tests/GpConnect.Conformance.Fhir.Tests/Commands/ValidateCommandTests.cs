using System.Text.Json;
using GpConnect.Conformance.Fhir.Commands;
using GpConnect.Conformance.Fhir.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fhir-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ValidateCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Valid_json_and_xml_files_exit_zero()
    {
        var (code, output, _) = Run(Write("slot.json", Fixtures.SlotJson), Write("slot.xml", Fixtures.SlotXml));
        code.ShouldBe(0, output);
        output.ShouldContain("slot.json: valid (0 error(s), 0 warning(s))");
        output.ShouldContain("slot.xml: valid");
    }

    [Fact]
    public void A_file_with_an_error_exits_one_and_prints_the_finding()
    {
        var bad = Write("bad.json", Fixtures.SlotJson.Replace("[ { \"text\": \"General GP Appointment\" } ]", "[ { \"text\": \"A\" }, { \"text\": \"B\" } ]"));
        var (code, output, _) = Run(Write("ok.json", Fixtures.SlotJson), bad);
        code.ShouldBe(1);
        output.ShouldContain("bad.json: INVALID (1 error(s), 0 warning(s))");
        output.ShouldContain("error [cardinality.max] Slot.serviceType: 2 entries, profile GPConnect-Slot-1 allows at most 1");
    }

    [Fact]
    public void Malformed_body_is_reported_with_its_line()
    {
        var (code, output, _) = Run(Write("broken.json", "{\n \"resourceType\": \"Slot\",\n \"status\": }"));
        code.ShouldBe(1);
        output.ShouldContain("[parse.json]");
        output.ShouldContain("(line 3");
    }

    [Fact]
    public void Profile_option_overrides_meta_profile()
    {
        var file = Write("slot.json", Fixtures.SlotJson);
        Run(file, "--profile", "GPConnect-Slot-1").Code.ShouldBe(0);
        var (code, output, _) = Run(file, "--profile", "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Schedule-1");
        code.ShouldBe(1);
        output.ShouldContain("[resource.type]");
    }

    [Fact]
    public void Json_format_is_machine_readable()
    {
        var bad = Write("bad.json", Fixtures.SlotJson.Replace("\"status\": \"free\"", "\"status\": \"open\""));
        var (code, output, _) = Run(bad, "--format", "json");
        code.ShouldBe(1);
        using var doc = JsonDocument.Parse(output);
        var file = doc.RootElement[0];
        file.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var finding = file.GetProperty("findings")[0];
        finding.GetProperty("rule").GetString().ShouldBe("binding.required");
        finding.GetProperty("path").GetString().ShouldBe("Slot.status");
        finding.GetProperty("severity").GetString().ShouldBe("error");
        finding.GetProperty("line").GetInt32().ShouldBe(10);
    }

    [Theory]
    [InlineData(new string[0], "no FILE given")]
    [InlineData(new[] { "missing.json" }, "file not found: missing.json")]
    [InlineData(new[] { "--bogus" }, "unknown option --bogus")]
    [InlineData(new[] { "x.json", "--format" }, "option --format needs a value")]
    [InlineData(new[] { "x.json", "--format", "yaml" }, "--format must be json or text")]
    public void Usage_errors_exit_two_with_a_clear_message(string[] args, string message)
    {
        var (code, _, err) = Run(args);
        code.ShouldBe(2);
        err.ShouldContain(message);
        err.ShouldContain(ValidateCommand.Usage);
    }

    [Fact]
    public void Unknown_profile_and_missing_definitions_directory_are_usage_errors()
    {
        var file = Write("slot.json", Fixtures.SlotJson);
        var (code, _, err) = Run(file, "--profile", "NoSuchProfile");
        code.ShouldBe(2);
        err.ShouldContain("unknown profile 'NoSuchProfile'");
        var (code2, _, err2) = Run(file, "--definitions", Path.Combine(_dir, "nope"));
        code2.ShouldBe(2);
        err2.ShouldContain("cannot load definitions");
    }

    [Fact]
    public void Official_definitions_directory_can_be_used()
    {
        var fhir = SharedFolder.Require("fhir");
        var (code, output, _) = Run(Write("slot.json", Fixtures.SlotJson), "--definitions", fhir);
        code.ShouldBe(0, output);
    }

    [Fact]
    public void Service_type_max_option_is_honoured()
    {
        var two = Write("two.json", Fixtures.SlotJson.Replace("[ { \"text\": \"General GP Appointment\" } ]", "[ { \"text\": \"A\" }, { \"text\": \"B\" } ]"));
        Run(two).Code.ShouldBe(1);
        Run(two, "--service-type-max", "2").Code.ShouldBe(0);
        Run(two, "--service-type-max", "*").Code.ShouldBe(0);
    }
}
