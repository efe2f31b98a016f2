import { MapView } from './map/MapView.tsx';

export function App() {
  return (
    <div className="app">
      <aside className="side-panel" aria-label="图层与工具">
        <header className="brand">
          <h1>生态红线一张图</h1>
          <p className="subtitle">Redline Map · 花溪区</p>
        </header>
      </aside>
      <main className="map-area">
        <MapView />
      </main>
    </div>
  );
}
