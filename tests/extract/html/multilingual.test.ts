// The same layouts in other languages and scripts: the field extractors read structure, so a
// French kicker, a Japanese breadcrumb or a Spanish standfirst come out like English ones.
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/extract/html/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';
import { page } from './helpers.js';

const para = (s: string) => `<p>${s}</p>`;

describe('HTML fields beyond English', () => {
  it('French: kicker, chapo, "Par" byline', () => {
    const html = page('<title>La ville rouvre le pont après deux ans de travaux - Le Journal</title><meta property="og:site_name" content="Le Journal">',
      '<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li><li><a href="/eco">Économie</a></li><li><a href="/culture">Culture</a></li></ul></nav>'
      + '<article><header><p class="surtitre"><a href="/societe">Société</a></p><h1>La ville rouvre le pont après deux ans de travaux</h1>'
      + '<p class="chapo">Le chantier aura coûté deux fois plus cher que prévu.</p><p class="auteur">Par Marie Dupont</p></header>'
      + `<div class="texte">${para('Le conseil municipal a voté mardi soir la réouverture du pont, fermé depuis deux ans pour des travaux de consolidation qui ont pris du retard.')}${para('Les ingénieurs ont remplacé l’acier, refait la chaussée et changé l’éclairage, et les bus pourront de nouveau emprunter le pont dès lundi.')}</div></article>`,
      'lang="fr"');
    const x = extractHtml(html, DEFAULT_EXTRACT_OPTIONS);
    expect(x).toMatchObject({ headline: 'La ville rouvre le pont après deux ans de travaux', tag: 'Société', deck: 'Le chantier aura coûté deux fois plus cher que prévu.', byline: 'Marie Dupont', lang: 'fr' });
  });

  it('Japanese: title with a full-width bar, breadcrumb with a "本文" placeholder, no deck', () => {
    const html = page('<title>東京都、夏の節電要請を発表｜毎朝新聞</title><meta property="og:site_name" content="毎朝新聞">',
      '<div class="breadcrumb"><a href="/">ホーム</a> &gt; <a href="/society">社会</a> &gt; <span>本文</span></div>'
      + '<h1>東京都、夏の節電要請を発表</h1>'
      + `<div class="article-body">${para('東京都は二十日、今年の夏の電力需給が厳しくなる見通しを受けて、家庭や企業に節電への協力を呼びかけると発表した。')}${para('都によると、猛暑が続いた場合には予備率が安定供給に必要な水準を下回るおそれがあるという。')}${para('都は冷房の適切な使用や照明の見直しなど、具体的な取り組み例をまとめた資料を公表した。')}</div>`,
      'lang="ja"');
    const x = extractHtml(html, DEFAULT_EXTRACT_OPTIONS);
    expect(x).toMatchObject({ headline: '東京都、夏の節電要請を発表', tag: '社会', deck: null, lang: 'ja' });
  });

  it('Spanish: sub-heading standfirst (bajada) and a "Por" byline line', () => {
    const html = page('<title>El Ayuntamiento amplía el horario de las piscinas</title>',
      '<div class="cabecera"><h1>El Ayuntamiento amplía el horario de las piscinas</h1><h2 class="bajada">Las instalaciones abrirán hasta las 22.00 durante julio y agosto</h2>'
      + '<div class="firma">Por Lucía Fernández · 3 de julio de 2024</div></div>'
      + `<div class="cuerpo">${para('El Ayuntamiento ha aprobado este martes ampliar el horario de las tres piscinas municipales durante los meses de julio y agosto.')}${para('A partir del 1 de julio, las instalaciones abrirán de 10.00 a 22.00 horas, dos horas más que el año pasado, según informó el consistorio.')}</div>`,
      'lang="es"');
    const x = extractHtml(html, DEFAULT_EXTRACT_OPTIONS);
    expect(x).toMatchObject({ deck: 'Las instalaciones abrirán hasta las 22.00 durante julio y agosto', byline: 'Lucía Fernández' });
    expect(x.provenance.deck).toBe('dek-class');
  });
});
