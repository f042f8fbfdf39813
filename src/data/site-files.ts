/**
 * Files the site serves beside its dataset folder, by their path under the site's base.
 *
 * FIRST_VIEW_PATH: the default view's figures computed at build (src/indicators/first-view.ts),
 * outside the dataset folder, which holds only what its manifest lists; the file names the data it
 * answers.
 */
export const FIRST_VIEW_PATH = 'apercu/premiere-vue.json';
