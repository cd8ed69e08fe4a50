// The forms' one toast (`<t-toast id="authing-toast">` in their template): a notice, or a failure that is
// about no field. Several lines of text stack (direction column) instead of being cut.
import Toast from 'tdesign-miniprogram/toast/index';

export function showToast(instance: WechatMiniprogram.Component.TrivialInstance, message: string, error: boolean): void {
  if (!message) return;
  Toast({
    context: instance,
    selector: '#authing-toast',
    message,
    theme: error ? 'error' : undefined,
    direction: 'column',
  } as Parameters<typeof Toast>[0]);
}
