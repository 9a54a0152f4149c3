// One sentence pair of the same news item in 18 languages, each in the legacy encodings its sites
// used, undeclared (a text dump saved without a charset): each must come back exactly, once alone
// and once six times over (detection reads a 64 KiB sample; short texts give it little to go on).
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/input/decode.js';
import { encodeLegacy } from '../robustness/hostile.js';

const TEXTS: [string, string, string][] = [
  ["Russian", "windows-1251", "Правительство в четверг объявило, что цены на энергию в следующем году не вырастут. Министр сказал, что сэкономленные средства будут распределены между семьями."],
  ["Russian", "koi8-r", "Правительство в четверг объявило, что цены на энергию в следующем году не вырастут. Министр сказал, что сэкономленные средства будут распределены между семьями."],
  ["Russian", "iso-8859-5", "Правительство в четверг объявило, что цены на энергию в следующем году не вырастут. Министр сказал, что сэкономленные средства будут распределены между семьями."],
  ["Ukrainian", "windows-1251", "Уряд у четвер оголосив, що ціни на енергію наступного року не зростуть. Міністр сказав, що зекономлені кошти розподілять між родинами."],
  ["Ukrainian", "koi8-u", "Уряд у четвер оголосив, що ціни на енергію наступного року не зростуть. Міністр сказав, що зекономлені кошти розподілять між родинами."],
  ["Greek", "windows-1253", "Η κυβέρνηση ανακοίνωσε την Πέμπτη ότι οι τιμές της ενέργειας δεν θα αυξηθούν τον επόμενο χρόνο. Ο υπουργός είπε ότι οι οικονομίες θα μοιραστούν στα νοικοκυριά."],
  ["Greek", "iso-8859-7", "Η κυβέρνηση ανακοίνωσε την Πέμπτη ότι οι τιμές της ενέργειας δεν θα αυξηθούν τον επόμενο χρόνο. Ο υπουργός είπε ότι οι οικονομίες θα μοιραστούν στα νοικοκυριά."],
  ["Hebrew", "windows-1255", "הממשלה הודיעה ביום חמישי כי מחירי האנרגיה לא יעלו בשנה הבאה. השר אמר כי החיסכון יחולק בין משקי הבית."],
  ["Hebrew", "iso-8859-8", "הממשלה הודיעה ביום חמישי כי מחירי האנרגיה לא יעלו בשנה הבאה. השר אמר כי החיסכון יחולק בין משקי הבית."],
  ["Arabic", "windows-1256", "أعلنت الحكومة يوم الخميس أن أسعار الطاقة لن ترتفع العام المقبل. وقال الوزير إن المدخرات ستوزع على الأسر."],
  ["French", "windows-1252", "Le gouvernement a annoncé jeudi que les prix de l'énergie n'augmenteront pas l'année prochaine. Le ministre a déclaré que les économies seront réparties entre les ménages."],
  ["German", "windows-1252", "Die Regierung kündigte am Donnerstag an, dass die Energiepreise im nächsten Jahr nicht steigen würden. Der Minister sagte, die Einsparungen würden auf die Haushalte verteilt."],
  ["Spanish", "windows-1252", "El Gobierno anunció el jueves que los precios de la energía no subirán el próximo año. El ministro dijo que los ahorros se repartirán entre los hogares."],
  ["Portuguese", "windows-1252", "O governo anunciou na quinta-feira que os preços da energia não vão aumentar no próximo ano. O ministro disse que as poupanças serão distribuídas pelas famílias."],
  ["Icelandic", "windows-1252", "Ríkisstjórnin tilkynnti á fimmtudag að orkuverð myndi ekki hækka á næsta ári. Ráðherrann sagði að sparnaðinum yrði skipt á milli heimila."],
  ["Polish", "windows-1250", "Rząd ogłosił w czwartek, że ceny energii w przyszłym roku nie wzrosną. Minister powiedział, że zaoszczędzone środki zostaną rozdzielone między gospodarstwa domowe."],
  ["Polish", "iso-8859-2", "Rząd ogłosił w czwartek, że ceny energii w przyszłym roku nie wzrosną. Minister powiedział, że zaoszczędzone środki zostaną rozdzielone między gospodarstwa domowe."],
  ["Czech", "windows-1250", "Vláda ve čtvrtek oznámila, že ceny energií se příští rok nezvýší. Ministr řekl, že úspory budou rozděleny mezi domácnosti."],
  ["Czech", "iso-8859-2", "Vláda ve čtvrtek oznámila, že ceny energií se příští rok nezvýší. Ministr řekl, že úspory budou rozděleny mezi domácnosti."],
  ["Slovak", "windows-1250", "Vláda vo štvrtok oznámila, že ceny energií budúci rok nestúpnu. Minister povedal, že úspory sa rozdelia medzi domácnosti."],
  ["Slovak", "iso-8859-2", "Vláda vo štvrtok oznámila, že ceny energií budúci rok nestúpnu. Minister povedal, že úspory sa rozdelia medzi domácnosti."],
  ["Hungarian", "windows-1250", "A kormány csütörtökön bejelentette, hogy az energiaárak jövőre nem emelkednek. A miniszter szerint a megtakarításokat szétosztják a háztartások között."],
  ["Hungarian", "iso-8859-2", "A kormány csütörtökön bejelentette, hogy az energiaárak jövőre nem emelkednek. A miniszter szerint a megtakarításokat szétosztják a háztartások között."],
  ["Turkish", "windows-1254", "Hükümet perşembe günü enerji fiyatlarının gelecek yıl artmayacağını açıkladı. Bakan, tasarrufların hanelere dağıtılacağını söyledi."],
  ["Turkish", "iso-8859-9", "Hükümet perşembe günü enerji fiyatlarının gelecek yıl artmayacağını açıkladı. Bakan, tasarrufların hanelere dağıtılacağını söyledi."],
  ["Lithuanian", "windows-1257", "Vyriausybė ketvirtadienį pranešė, kad energijos kainos kitais metais nedidės. Ministras sakė, kad sutaupytos lėšos bus paskirstytos šeimoms."],
  ["Lithuanian", "iso-8859-13", "Vyriausybė ketvirtadienį pranešė, kad energijos kainos kitais metais nedidės. Ministras sakė, kad sutaupytos lėšos bus paskirstytos šeimoms."],
  ["Latvian", "windows-1257", "Valdība ceturtdien paziņoja, ka enerģijas cenas nākamgad nepieaugs. Ministrs sacīja, ka ietaupītie līdzekļi tiks sadalīti ģimenēm."],
  ["Latvian", "iso-8859-13", "Valdība ceturtdien paziņoja, ka enerģijas cenas nākamgad nepieaugs. Ministrs sacīja, ka ietaupītie līdzekļi tiks sadalīti ģimenēm."],
  ["Estonian", "windows-1257", "Valitsus teatas neljapäeval, et energiahinnad järgmisel aastal ei tõuse. Minister ütles, et säästetud raha jagatakse leibkondade vahel."],
  ["Estonian", "iso-8859-15", "Valitsus teatas neljapäeval, et energiahinnad järgmisel aastal ei tõuse. Minister ütles, et säästetud raha jagatakse leibkondade vahel."],
];

describe('undeclared legacy encodings, language by language', () => {
  it.each(TEXTS)('%s in %s', (_lang, encoding, text) => {
    expect(decode(encodeLegacy(text, encoding)).text).toBe(text);
    const long = Array(6).fill(text).join(' ');
    expect(decode(encodeLegacy(long, encoding)).text).toBe(long);
  });
});
