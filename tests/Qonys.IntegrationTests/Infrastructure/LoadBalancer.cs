using System.Diagnostics;
using System.Net.Sockets;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away nginx (Debian's <c>nginx</c>) on a loopback port, balancing round-robin over app nodes, with a folder,
/// configuration and pid file of its own; each answer names the node that served it (header X-Upstream).
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    const string Binary = "/usr/sbin/nginx";
    readonly Process _process;
    readonly string _folder;

    public static bool Available => File.Exists(Binary);
    public const string SkipReason = "nginx is not installed (apt-get install nginx): the several-nodes tests need a real load balancer";

    public Uri BaseAddress { get; }

    LoadBalancer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        BaseAddress = address;
    }

    public static async Task<LoadBalancer> StartAsync(IEnumerable<Uri> nodes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qonys-lb-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var upstreams = string.Join("\n", nodes.Select(n => $"        server {n.Host}:{n.Port};"));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream qonys {
            {{upstreams}}
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://qonys;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_read_timeout 120s;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """);
        var psi = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start nginx");
        var balancer = new LoadBalancer(process, folder, new Uri($"http://127.0.0.1:{port}"));
        var deadline = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = balancer.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                var error = await process.StandardError.ReadToEndAsync();
                await balancer.DisposeAsync();
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {error}");
            }
            try
            {
                using var response = await client.GetAsync("/health/live");
                if (response.IsSuccessStatusCode) return balancer;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                await balancer.DisposeAsync();
                throw new TimeoutException("nginx did not answer within 30 s");
            }
            await Task.Delay(100);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A fact that needs PostgreSQL and nginx: skipped, saying why, only where either is missing (in CI: fails).</summary>
public sealed class SeveralNodesFactAttribute : FactAttribute
{
    public SeveralNodesFactAttribute() =>
        Skip = Requirements.SkipReason(PostgresServer.Available, PostgresServer.SkipReason)
               ?? Requirements.SkipReason(LoadBalancer.Available, LoadBalancer.SkipReason);
}
