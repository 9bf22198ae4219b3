/**
 * The property catalogue Keyspot links leads to. Keyspot has no documented property endpoint, so
 * properties only exist inside the simulator: they make `propertyCode` linking testable and give
 * the demo mode realistic listings to point leads at.
 */

/** A listing in the simulated Keyspot account; `code` is what `propertyCode` matches. */
export interface KeyspotPropertyDto {
  id: string;
  code: string;
  title: string;
}

/** A small, realistic Brazilian catalogue; ids are cuid-like, as Keyspot's are. */
export const DEFAULT_KEYSPOT_PROPERTIES: readonly KeyspotPropertyDto[] = Object.freeze([
  { id: 'clprop0ap1021jdp7k2m', code: 'AP-1021', title: 'Apartamento 3 quartos no Jardim Paulista' },
  { id: 'clprop0ca2045alph9x4', code: 'CA-2045', title: 'Casa com piscina em Alphaville' },
  { id: 'clprop0co0310btj3q8w', code: 'CO-0310', title: 'Cobertura duplex na Barra da Tijuca' },
  { id: 'clprop0sl0788sav5n1r', code: 'SL-0788', title: 'Sala comercial na Savassi' },
  { id: 'clprop0te1502cmp6h0z', code: 'TE-1502', title: 'Terreno de 450 m² no Campeche' },
]);
