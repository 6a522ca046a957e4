using Bootstrap.Stack;

// Every decision is in the Blueprint (infra/Blueprint); Platform only maps it to resources.
return await Pulumi.Deployment.RunAsync<Platform>();
