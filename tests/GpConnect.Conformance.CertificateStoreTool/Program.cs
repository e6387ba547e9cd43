using System.Security.Cryptography.X509Certificates;

// certificate-store-tool add STORE FILE [PASSWORD]   adds the certificate in FILE (PKCS#12 with its key, or DER/PEM
//                                                    without) to CurrentUser/STORE and prints its thumbprint
// certificate-store-tool list STORE                  prints the thumbprints in CurrentUser/STORE, one per line

if (args is ["add", var storeName, var file, ..])
{
    var password = args.Length > 3 ? args[3] : null;
    using var certificate = file.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase)
        ? X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.PersistKeySet)
        : X509CertificateLoader.LoadCertificateFromFile(file);
    using var store = new X509Store(storeName, StoreLocation.CurrentUser);
    store.Open(OpenFlags.ReadWrite);
    store.Add(certificate);
    Console.WriteLine(certificate.Thumbprint);
    return 0;
}
if (args is ["list", var listed])
{
    using var store = new X509Store(listed, StoreLocation.CurrentUser);
    store.Open(OpenFlags.ReadOnly);
    foreach (var certificate in store.Certificates)
    {
        Console.WriteLine(certificate.Thumbprint);
        certificate.Dispose();
    }
    return 0;
}
Console.Error.WriteLine("usage: add STORE FILE [PASSWORD] | list STORE");
return 2;
