using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// One avatar file uploaded over loopback to a server that reads and discards the body: the SDK against
/// <see cref="MultipartFormDataContent"/> + <see cref="StreamContent"/> over the same file. Two sizes show whether
/// allocations grow with the file.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(UploadJob))]
public class UploadBenchmarks
{
    private LoopbackServer _server = null!;
    private GenProClient _sdk = null!;
    private HttpClient _http = null!;
    private string _path = null!;

    [Params(1, 100)]
    public int SizeMB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = ImageFile.Create(SizeMB * 1024L * 1024L);
        _server = new LoopbackServer();
        _sdk = new GenProClient(Clients.Options(_server.BaseAddress));
        _http = Clients.Http(Clients.Primary(Transport.Loopback), _server.BaseAddress);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
        _server.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Description = "Upload: SDK")]
    public Task Sdk() => _sdk.Avatars.UploadAsync(Wire.AgentId, AvatarUpload.FromFile(_path));

    [Benchmark(Baseline = true, Description = "Upload: MultipartFormDataContent + StreamContent")]
    public async Task Raw()
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(_path));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "agent_avatars_attributes[][file]", Path.GetFileName(_path));
        using var response = await _http.PostAsync("agents/1/avatars", form);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>A PNG-headed file of the given size in the temp folder (the SDK sniffs the first bytes).</summary>
public static class ImageFile
{
    public static string Create(long size)
    {
        var path = Path.Combine(Path.GetTempPath(), $"genpro-bench-{size}-{Environment.ProcessId}.png");
        using var file = File.Create(path);
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var chunk = new byte[1024 * 1024];
        Random.Shared.NextBytes(chunk);
        for (var written = 8L; written < size; written += chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
        }

        return path;
    }
}
