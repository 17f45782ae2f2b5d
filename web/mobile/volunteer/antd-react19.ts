// antd-mobile 5 shows Toast and Dialog through the legacy ReactDOM.render, which React 19 removed: without this
// bridge (antd-mobile's documented one for React 19) they silently never appear. Imported for its effect by the
// modules of the lazily loaded pages, not by the entry, so the civic-code page does not carry it.
import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

unstableSetRender((node, container) => {
  const host = container as Element & { wmRoot?: Root };
  host.wmRoot ??= createRoot(host);
  const root = host.wmRoot;
  root.render(node);
  return async () => {
    // Unmounting inside React's own commit would warn; wait for it to finish.
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host.wmRoot;
  };
});
