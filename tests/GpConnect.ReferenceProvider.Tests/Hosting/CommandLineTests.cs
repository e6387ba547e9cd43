using GpConnect.ReferenceProvider.CommandLine;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void Arguments_map_to_options()
    {
        var options = ProviderCommandLine.Parse(["--port", "8080", "--ods-code", "B82617", "--spec-version", "1.2.4", "--fault", "slot-utc-times", "--fault", "no-cache-control"])!;

        options.Port.ShouldBe(8080);
        options.OdsCode.ShouldBe("B82617");
        options.SpecVersion.ShouldBe("1.2.4");
        options.Faults.ShouldBe(["slot-utc-times", "no-cache-control"]);
        options.ListenAddress.ShouldBe("127.0.0.1");
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--bogus", "1")]
    public void Bad_arguments_are_refused_with_a_message(string name, string value)
    {
        Should.Throw<ArgumentException>(() => ProviderCommandLine.Parse([name, value])).Message.ShouldContain(name);
    }

    [Fact]
    public void A_flag_without_its_value_is_refused()
    {
        Should.Throw<ArgumentException>(() => ProviderCommandLine.Parse(["--fault"])).Message.ShouldContain("--fault");
    }

    [Fact]
    public void Stalling_is_one_request_in_n_or_every_request_after_n_held_for_the_given_seconds()
    {
        ProviderCommandLine.Parse(["--stall-every", "7", "--stall-seconds", "40"])!.Stall.ShouldBe(new GpConnect.ReferenceProvider.Pipeline.ResponseStall(7, null, TimeSpan.FromSeconds(40)));
        ProviderCommandLine.Parse(["--stall-after", "60"])!.Stall.ShouldBe(new GpConnect.ReferenceProvider.Pipeline.ResponseStall(null, 60, TimeSpan.FromSeconds(40)));
        ProviderCommandLine.Parse([])!.Stall.ShouldBeNull();
        Should.Throw<ArgumentException>(() => ProviderCommandLine.Parse(["--stall-seconds", "5"])).Message.ShouldContain("--stall-every");
        Should.Throw<ArgumentException>(() => ProviderCommandLine.Parse(["--stall-every", "0"])).Message.ShouldContain("--stall-every");
    }

    [Fact]
    public void List_faults_asks_for_the_listing()
    {
        ProviderCommandLine.Parse(["--list-faults"]).ShouldBeNull();
    }
}
