import { render } from 'preact';
import '../components/theme.css';
import './options.css';
import { localizeDocument } from '../i18n';
import { Options } from './options';

localizeDocument('optionsTitle');
render(<Options />, document.getElementById('app')!);
