import { render } from 'preact';
import '../components/theme.css';
import './popup.css';
import { localizeDocument } from '../i18n';
import { Popup } from './popup';

localizeDocument('popupTitle');
render(<Popup />, document.getElementById('app')!);
