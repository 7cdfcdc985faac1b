using System.Globalization;

namespace CloudNative.Bench.Gateway;

/// <summary>
/// nginx (Debian's package) as the peer reference: a plain <c>proxy_pass</c> with upstream keep-alive, as one would
/// put in front of catalog, from a generated config.
/// </summary>
internal static class Nginx
{
    public static Task<PeerProcess> StartAsync(Uri upstream, CancellationToken cancellationToken) =>
        PeerProcess.StartAsync("nginx", async (directory, port) =>
        {
            // As many workers as cores, as the gateway has replicas on 2 cores; no access log (the gateway writes none either).
            var config = $$"""
                worker_processes auto;
                daemon off;
                pid {{directory}}/nginx.pid;
                error_log stderr warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path {{directory}}/client_body;
                    proxy_temp_path {{directory}}/proxy;
                    fastcgi_temp_path {{directory}}/fastcgi;
                    uwsgi_temp_path {{directory}}/uwsgi;
                    scgi_temp_path {{directory}}/scgi;
                    upstream catalog {
                        server 127.0.0.1:{{upstream.Port.ToString(CultureInfo.InvariantCulture)}};
                        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                        location / {
                            proxy_pass http://catalog;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                    }
                }
                """;
            var path = Path.Combine(directory, "nginx.conf");
            await File.WriteAllTextAsync(path, config, cancellationToken);
            return new ProcessStartInfo("nginx") { ArgumentList = { "-p", directory, "-c", path, "-e", "stderr" } };
        }, cancellationToken);
}
