using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenPro.Sdk.ContractCheck;

/// <summary>
/// Stoplight Prism in proxy mode as a child process: every request to <see cref="Address"/> is validated against the
/// spec, forwarded to the upstream, and the answer validated too; violations come back in the <c>sl-violations</c>
/// header (a JSON array). Started without <c>--errors</c>, so Prism passes the upstream's answer through unchanged and
/// only reports. Disposing kills the process tree (this process's own child, by id).
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where to send requests: <c>http://127.0.0.1:PORT/</c>, the spec's paths below it (<c>/agents</c>).</summary>
    public Uri Address { get; }

    /// <summary>What Prism printed so far (its warnings and errors), for a failure report.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<PrismProxy> StartAsync(string prism, string spec, Uri upstream, TimeSpan startTimeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(prism)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "proxy", spec, upstream.AbsoluteUri.TrimEnd('/'),
                "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--errors", "false", "--cors", "false", "--verboseLevel", "warn",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {prism}");
        var proxy = new PrismProxy(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Prism listens once it has read and resolved the spec (about a second); poll its port, bounded.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var log = proxy.Log;
                await proxy.DisposeAsync();
                throw new InvalidOperationException($"Prism exited with code {process.ExitCode} before listening:\n{log}");
            }

            if (await CanConnectAsync(port))
            {
                return proxy;
            }

            if (deadline.Elapsed > startTimeout)
            {
                var log = proxy.Log;
                await proxy.DisposeAsync();
                throw new TimeoutException($"Prism did not listen on port {port} within {startTimeout.TotalSeconds:0} s:\n{log}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"Prism (pid {_process.Id}) did not exit within 5 s of being killed");
            }
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, bound.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
