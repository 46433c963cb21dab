import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { WagmiProvider } from "wagmi";
import { loadDeployment } from "./chain/deployment.js";
import { wagmiConfig } from "./wagmi.js";
import { DeploymentContext } from "./state.js";
import { App } from "./App.js";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);

loadDeployment().then(
  (deployment) => {
    const config = wagmiConfig(deployment);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
    root.render(
      <StrictMode>
        <WagmiProvider config={config}>
          <QueryClientProvider client={queryClient}>
            <DeploymentContext.Provider value={deployment}>
              <App />
            </DeploymentContext.Provider>
          </QueryClientProvider>
        </WagmiProvider>
      </StrictMode>,
    );
  },
  (error: Error) => {
    root.render(
      <main className="boot-error" role="alert">
        <h1>Free Association</h1>
        <p>{error.message}</p>
      </main>,
    );
  },
);
