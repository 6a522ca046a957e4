printf '%s' https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.6.1/standard-install.yaml
