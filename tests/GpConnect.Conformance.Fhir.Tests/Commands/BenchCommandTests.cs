using GpConnect.Conformance.Fhir.Commands;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Commands;

/// <summary>The benchmark's output shape (its figures are not asserted: speed belongs in the benchmark, not in tests).</summary>
public class BenchCommandTests
{
    [Fact]
    public void Prints_throughput_for_json_xml_slots_and_memory()
    {
        var empty = Directory.CreateTempSubdirectory("fhir-bench-").FullName;
        try
        {
            var output = new StringWriter();
            BenchCommand.Run(new[] { "--examples", empty, "--seconds", "0.01" }, output).ShouldBe(0);
            var text = output.ToString();
            text.ShouldContain("corpus: synthesised Slot-sized resources");
            text.ShouldContain("JSON parse: ");
            text.ShouldContain("XML  parse: ");
            text.ShouldContain("Slot validate: ");
            text.ShouldContain("invariants on; target 20,000 /s from JSON");
            text.ShouldContain("without invariants: ");
            text.ShouldContain("memory: peak working set");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Bad_arguments_exit_two()
    {
        var output = new StringWriter();
        BenchCommand.Run(new[] { "--seconds", "-1" }, output).ShouldBe(2);
        output.ToString().ShouldContain(BenchCommand.Usage);
        BenchCommand.Run(new[] { "--examples", Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N")) }, new StringWriter()).ShouldBe(2);
    }
}
