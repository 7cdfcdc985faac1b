namespace Gateway.Api.Proxy;

static class ExceptionChain
{
    // The first exception of type T in exception and its inner exceptions: YARP and HttpClient wrap the cause.
    public static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }
}
