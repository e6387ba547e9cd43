namespace GpConnect.Conformance.Fhir.Commands;
/// <summary>placeholder replaced below</summary>
public static class BenchCommand { /// <summary>x</summary>
public static int Run(string[] args, TextWriter stdout) => 0; }
