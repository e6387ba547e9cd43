using System.Diagnostics;
using GpConnect.Conformance.Reporting.EvidencePack;
using GpConnect.Conformance.Reporting.Tests.Fixtures;

namespace GpConnect.Conformance.Reporting.Tests.EvidencePack;

public class EvidenceManifestTests
{
    private static TempFolder FolderWithFiles()
    {
        var temp = new TempFolder();
        File.WriteAllText(temp.File("results.json"), "{}");
        File.WriteAllText(temp.File("report.html"), "<html></html>");
        Directory.CreateDirectory(temp.File("extra"));
        File.WriteAllText(temp.File("extra/notes.txt"), "hello");
        return temp;
    }

    [Fact]
    public void Manifest_lists_every_file_in_sha256sum_format_and_verifies()
    {
        using var temp = FolderWithFiles();
        EvidenceManifest.Write(temp.Path);
        var lines = File.ReadAllLines(temp.File(EvidenceManifest.FileName));
        lines.Select(l => l[66..]).ShouldBe(["extra/notes.txt", "report.html", "results.json"]);
        lines.ShouldContain("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a  results.json");
        EvidenceManifest.Verify(temp.Path).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Verify_detects_a_changed_a_missing_and_an_unlisted_file()
    {
        using var temp = FolderWithFiles();
        EvidenceManifest.Write(temp.Path);
        File.AppendAllText(temp.File("report.html"), "<!-- edited -->");
        File.Delete(temp.File("extra/notes.txt"));
        File.WriteAllText(temp.File("sneaky.txt"), "added later");

        var check = EvidenceManifest.Verify(temp.Path);
        check.IsValid.ShouldBeFalse();
        check.Changed.ShouldBe(["report.html"]);
        check.Missing.ShouldBe(["extra/notes.txt"]);
        check.Unlisted.ShouldBe(["sneaky.txt"]);
        check.ToString().ShouldBe("changed: report.html; missing: extra/notes.txt; not in manifest: sneaky.txt");
    }

    [Fact]
    public void Folder_without_a_manifest_is_not_valid()
    {
        using var temp = FolderWithFiles();
        EvidenceManifest.Verify(temp.Path).ShouldSatisfyAllConditions(c => c.IsValid.ShouldBeFalse(), c => c.ManifestFound.ShouldBeFalse());
    }

    [Fact]
    public void Sha256sum_accepts_the_manifest_when_available()
    {
        if (!File.Exists("/usr/bin/sha256sum")) Assert.Skip("sha256sum is not installed; the format is checked by the other manifest tests.");
        using var temp = FolderWithFiles();
        EvidenceManifest.Write(temp.Path);
        var psi = new ProcessStartInfo("/usr/bin/sha256sum", ["-c", "--quiet", EvidenceManifest.FileName])
            { WorkingDirectory = temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, output);

        File.AppendAllText(temp.File("results.json"), " ");
        using var p2 = Process.Start(psi)!;
        p2.StandardOutput.ReadToEnd();
        p2.StandardError.ReadToEnd();
        p2.WaitForExit();
        p2.ExitCode.ShouldNotBe(0);
    }
}
