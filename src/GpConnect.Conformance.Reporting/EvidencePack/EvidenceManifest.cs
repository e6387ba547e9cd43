using System.Security.Cryptography;
using System.Text;

namespace GpConnect.Conformance.Reporting.EvidencePack;

/// <summary>The result of checking a run folder against its manifest.</summary>
/// <param name="Changed">Listed files whose content no longer matches.</param>
/// <param name="Missing">Listed files that are gone.</param>
/// <param name="Unlisted">Files in the folder the manifest does not list.</param>
/// <param name="ManifestFound">False when the folder has no manifest.sha256.</param>
public sealed record ManifestCheck(IReadOnlyList<string> Changed, IReadOnlyList<string> Missing, IReadOnlyList<string> Unlisted, bool ManifestFound)
{
    /// <summary>True when the manifest exists and every file matches it.</summary>
    public bool IsValid => ManifestFound && Changed.Count == 0 && Missing.Count == 0 && Unlisted.Count == 0;

    /// <summary>One line per problem, for people.</summary>
    public override string ToString() =>
        !ManifestFound ? $"no {EvidenceManifest.FileName} in the folder"
        : IsValid ? "all files match the manifest"
        : string.Join("; ", Changed.Select(f => $"changed: {f}").Concat(Missing.Select(f => $"missing: {f}"))
            .Concat(Unlisted.Select(f => $"not in manifest: {f}")));
}

/// <summary>
/// Writes and checks <c>manifest.sha256</c> (what it proves and does not is in reports/README.md: on its own it detects
/// accidental change, not deliberate forgery, since whoever edits a file can rewrite the manifest; see
/// <see cref="EvidenceSigner"/> for a signature a verifier can check with the signer's public key): one line per file of a run folder (subfolders included, the manifest itself
/// excluded), <c>&lt;sha256 hex&gt;  &lt;relative/path&gt;</c>, sorted by path, so <c>sha256sum -c manifest.sha256</c> also verifies it.
/// </summary>
public static class EvidenceManifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.sha256";

    /// <summary>Hashes every file in <paramref name="runFolder"/> and writes the manifest; returns its path.</summary>
    public static string Write(string runFolder)
    {
        var sb = new StringBuilder();
        foreach (var rel in ListFiles(runFolder)) sb.Append(Hash(Path.Combine(runFolder, rel))).Append("  ").Append(rel).Append('\n');
        var path = Path.Combine(runFolder, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, sb.ToString(), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>Checks every file of the folder against its manifest.</summary>
    public static ManifestCheck Verify(string runFolder)
    {
        var path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) return new ManifestCheck([], [], [], false);

        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length < 66 || line[64] != ' ') continue;
            var name = line[66..];
            if (line[65] is not (' ' or '*')) continue;
            listed[name] = line[..64].ToLowerInvariant();
        }

        var changed = new List<string>();
        var missing = new List<string>();
        foreach (var (name, hash) in listed)
        {
            var file = Path.Combine(runFolder, name);
            if (!File.Exists(file)) missing.Add(name);
            else if (!string.Equals(Hash(file), hash, StringComparison.Ordinal)) changed.Add(name);
        }
        var unlisted = ListFiles(runFolder).Where(f => !listed.ContainsKey(f)).ToList();
        return new ManifestCheck(changed, missing, unlisted, true);
    }

    private static IEnumerable<string> ListFiles(string runFolder) =>
        Directory.EnumerateFiles(runFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(runFolder, f).Replace('\\', '/'))
            .Where(f => f != FileName && f != EvidenceSigner.FileName && !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
