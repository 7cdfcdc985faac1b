using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ordering.Api.Infrastructure;

public static class ConcurrencyConflict
{
    /// <summary>
    /// Another writer appended to the stream first (the (stream, version) index refused the same version twice), or
    /// changed the read-model row under us: the work is to be redone on the newer state.
    /// </summary>
    public static bool IsConflict(Exception exception) =>
        exception is DbUpdateConcurrencyException
        || exception is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OrderingContext.EventStreamVersionIndex } };
}
