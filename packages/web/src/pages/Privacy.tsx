// Privacy (privacy officer / FG): the NEN 7513 access log (search, CSV export, chain verification),
// a person's rights — access overview ("wie heeft mijn gegevens ingezien"), inzage/afschrift with
// the refusal grounds of Wmo 2015 art. 5.3.2, correction with history, destruction on request with
// its 3-month clock — the worklist of requests, and dossier retention with legal holds. Uses the
// routes of packages/server/src/privacy/routes.ts; see docs/privacy.md.
import { useState } from 'react';
import { Tabs, useTab } from './BeheerTabs.tsx';
import { Toegangslog } from './PrivacyToegangslog.tsx';
import { PersoonRechten } from './PrivacyPersoon.tsx';
import { Werklijst, Noodtoegangen } from './PrivacyWerklijsten.tsx';
import { Bewaartermijnen } from './PrivacyBewaartermijnen.tsx';

const PRIVACY_TABS = [
  { id: 'log', label: 'Toegangslog' },
  { id: 'persoon', label: 'Persoon en verzoeken' },
  { id: 'verzoeken', label: 'Werklijst verzoeken' },
  { id: 'noodtoegang', label: 'Noodtoegang' },
  { id: 'bewaartermijn', label: 'Bewaartermijnen' },
] as const;

export function PrivacyPage() {
  const [tab, setTab] = useTab(PRIVACY_TABS);
  const [persoonId, setPersoonId] = useState<number | null>(null);
  const open = (id: number) => {
    setPersoonId(id);
    setTab('persoon');
  };
  return (
    <>
      <h1>Privacy</h1>
      <p className="lead">
        Het toegangslog, de rechten van betrokkenen en de bewaartermijnen. Alles wat u hier opvraagt, komt zelf ook in
        het toegangslog.
      </p>
      <Tabs
        label="Onderdeel van privacy"
        idPrefix="privacy"
        tabs={PRIVACY_TABS}
        value={tab}
        onChange={(t) => setTab(t)}
      >
        {tab === 'log' && <Toegangslog onPersoon={open} />}
        {tab === 'persoon' && <PersoonRechten persoonId={persoonId} onPersoon={setPersoonId} />}
        {tab === 'verzoeken' && <Werklijst onPersoon={open} />}
        {tab === 'noodtoegang' && <Noodtoegangen />}
        {tab === 'bewaartermijn' && <Bewaartermijnen />}
      </Tabs>
    </>
  );
}

// ------------------------------------------------------------------ access log
