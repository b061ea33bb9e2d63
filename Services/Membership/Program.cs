using ConcurrencyLab.Membership;

// The cluster's membership table: a Redis-protocol store the CpuRunner silos join through.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOptions<MembershipOptions>().BindConfiguration(MembershipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<GarnetHost>();
builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
