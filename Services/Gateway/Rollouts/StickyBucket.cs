using System.IO.Hashing;
using System.Text;

namespace Gateway.Api.Rollouts;

// A client's fixed place (0..99) in a rollout: it takes the canary while its place is below the canary's weight, so it
// stays on one version, and raising the weight only moves more clients over, never back. The rollout's name is
// hashed in, so different rollouts pick different clients.
static class StickyBucket
{
    public static int Of(string rollout, string client) =>
        (int)(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes($"{rollout}\n{client}")) % 100);
}
