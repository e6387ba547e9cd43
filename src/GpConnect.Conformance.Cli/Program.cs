using GpConnect.Conformance.Cli.Commands;

// gpconnect-conformance: run the suite (default), validate payloads offline, benchmark the FHIR toolkit,
// verify an evidence folder, or list the embedded provider's faults. Exit codes: 0 ok, 1 failures, 2 bad input.
return await CommandDispatcher.RunAsync(args, Console.Out, Console.Error);
